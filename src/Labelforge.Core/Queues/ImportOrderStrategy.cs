using Labelforge.Core.Items;

namespace Labelforge.Core.Queues;

/// <summary>Items in the order they were imported (ascending id).</summary>
public sealed class ImportOrderStrategy : IQueueStrategy
{
    public const string WireName = "import-order";

    public string Name => WireName;

    public IOrderedQueryable<Item> Order(IQueryable<Item> candidates) => candidates.OrderBy(i => i.Id);
}

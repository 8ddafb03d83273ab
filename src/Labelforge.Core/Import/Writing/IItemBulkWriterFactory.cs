using System.Data.Common;

namespace Labelforge.Core.Import.Writing;

/// <summary>Supplies a provider-specific <see cref="IItemBulkWriter"/>; registered on the context options by the store.</summary>
public interface IItemBulkWriterFactory
{
    /// <summary>A writer on <paramref name="connection"/> (open, in the import's transaction), or null when this factory cannot serve that provider.</summary>
    IItemBulkWriter? Create(DbConnection connection, long projectId, long batchId, long createdAtMs);
}

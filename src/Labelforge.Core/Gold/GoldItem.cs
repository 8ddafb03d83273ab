namespace Labelforge.Core.Gold;

/// <summary>
/// An item with a known answer (a honeypot): table <c>gold_items</c>, one row per gold item of a project, written with
/// its <c>gold</c> annotation by <see cref="GoldOperations"/>. The queue mixes these items into each annotator's stream
/// at the project's gold rate; they never enter the ordinary queue (the store keeps them out of the undecided set).
/// </summary>
public sealed class GoldItem
{
    public long ProjectId { get; set; }

    public long ItemId { get; set; }
}

namespace Labelforge.Bench;

/// <summary>
/// One item switch of the annotate page as its `performance.measure` entries report it: the page's own work
/// (`lf:item-render`, keypress to DOM commit), the frame-aligned figure (`lf:item-switch`, keypress to the
/// animation frame that paints the item), which frame after the keypress that was (1 = the first) and how
/// long the first frame after the keypress took to begin (the wait no page work can shorten), and whether the
/// next item was not buffered, so the switch waited for the server (`Waited`).
/// </summary>
internal sealed record SwitchSample(double RenderMs, double SwitchMs, int Frame, double FirstFrameMs, bool Waited);

namespace Labelforge.Core.Annotations;

/// <summary>
/// A labeled range of an item's text: UTF-16 offsets, <see cref="Start"/> inclusive, <see cref="End"/> exclusive
/// (the unit of C# strings, the browser and Label Studio; spaCy files count code points and are converted on the way).
/// </summary>
public readonly record struct LabeledSpan(int Start, int End, long LabelId);

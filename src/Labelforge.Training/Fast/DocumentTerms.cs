namespace Labelforge.Training.Fast;

/// <summary>
/// The distinct terms of one document with their raw counts: <see cref="Keys"/> ascending 64-bit term keys
/// (<see cref="WordNgrams"/>) and <see cref="Counts"/> how often each occurs.
/// </summary>
public sealed record DocumentTerms(ulong[] Keys, int[] Counts);

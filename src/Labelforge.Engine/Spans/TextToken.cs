namespace Labelforge.Engine.Spans;

/// <summary>A token of a text as UTF-16 offsets: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct TextToken(int Start, int End)
{
    public int Length => End - Start;
}

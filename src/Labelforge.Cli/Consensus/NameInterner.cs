namespace Labelforge.Cli.Consensus;

/// <summary>Maps strings to dense ids in order of first appearance; span lookups allocate only for new names.</summary>
internal sealed class NameInterner
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _names = [];

    public NameInterner() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _names.Count;

    public List<string> Names => _names;

    public int Intern(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out var id))
            return id;
        var text = new string(name);
        id = _names.Count;
        _ids.Add(text, id);
        _names.Add(text);
        return id;
    }

    public bool TryGet(ReadOnlySpan<char> name, out int id) => _lookup.TryGetValue(name, out id);
}

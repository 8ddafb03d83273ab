namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// An open-addressing hash table from a token to the keyword phrases it starts, looked up by span without
/// allocating. With <c>ignoreCase</c> the hash folds ASCII letters on the fly (others through invariant
/// lower-casing), so a document token is hashed once with no lower-cased copy.
/// </summary>
internal sealed class TokenTable<T>
    where T : class
{
    private readonly string?[] _keys;
    private readonly T?[] _values;
    private readonly int _mask;
    private readonly bool _ignoreCase;

    public TokenTable(IReadOnlyDictionary<string, T> entries, bool ignoreCase)
    {
        _ignoreCase = ignoreCase;
        var size = 8;
        while (size < entries.Count * 2)
            size <<= 1;
        _keys = new string?[size];
        _values = new T?[size];
        _mask = size - 1;
        foreach (var (key, value) in entries)
        {
            var slot = Hash(key) & _mask;
            while (_keys[slot] is not null)
                slot = (slot + 1) & _mask;
            _keys[slot] = key;
            _values[slot] = value;
        }
    }

    public T? Find(ReadOnlySpan<char> token)
    {
        var slot = Hash(token) & _mask;
        var comparison = _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        while (_keys[slot] is { } key)
        {
            if (token.Equals(key, comparison))
                return _values[slot];
            slot = (slot + 1) & _mask;
        }
        return null;
    }

    private int Hash(ReadOnlySpan<char> token)
    {
        // FNV-1a over (folded) UTF-16 code units: cheap, and table keys come from user keywords, not attackers.
        var hash = 2166136261u;
        if (!_ignoreCase)
        {
            foreach (var c in token)
                hash = (hash ^ c) * 16777619u;
            return (int)(hash & int.MaxValue);
        }
        foreach (var raw in token)
        {
            var c = raw < 128 ? (raw is >= 'A' and <= 'Z' ? (char)(raw | 0x20) : raw) : char.ToLowerInvariant(raw);
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & int.MaxValue);
    }
}

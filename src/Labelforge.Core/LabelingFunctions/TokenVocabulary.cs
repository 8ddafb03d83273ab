namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// An open-addressing hash table from keyword tokens to small ids, looked up by span without allocating: the
/// document tokenizer hashes each token as it scans it (already case-folded for the folded table), and a hit is
/// confirmed by comparing the stored hash and then the characters.
/// </summary>
internal sealed class TokenVocabulary
{
    private readonly string?[] _keys;
    private readonly int[] _hashes;
    private readonly int[] _ids;
    private readonly int _mask;

    public TokenVocabulary(IReadOnlyDictionary<string, int> ids)
    {
        var size = 16;
        while (size < ids.Count * 3)
            size <<= 1;
        _keys = new string?[size];
        _hashes = new int[size];
        _ids = new int[size];
        _mask = size - 1;
        foreach (var (key, id) in ids)
        {
            var hash = Hash(key);
            var slot = hash & _mask;
            while (_keys[slot] is not null)
                slot = (slot + 1) & _mask;
            _keys[slot] = key;
            _hashes[slot] = hash;
            _ids[slot] = id;
        }
        IsEmpty = ids.Count == 0;
    }

    public bool IsEmpty { get; }

    /// <summary>FNV-1a step: cheap, and the keys are the user's own keywords, not an attacker's.</summary>
    public static uint Step(uint hash, char c) => (hash ^ c) * 16777619u;

    public const uint Seed = 2166136261u;

    public static int Finish(uint hash) => (int)(hash & int.MaxValue);

    /// <summary>The id of <paramref name="token"/> (whose hash is <paramref name="hash"/>), or -1.</summary>
    public int Find(ReadOnlySpan<char> token, int hash)
    {
        var slot = hash & _mask;
        while (_keys[slot] is { } key)
        {
            if (_hashes[slot] == hash && token.SequenceEqual(key))
                return _ids[slot];
            slot = (slot + 1) & _mask;
        }
        return -1;
    }

    public static int Hash(ReadOnlySpan<char> token)
    {
        var hash = Seed;
        foreach (var c in token)
            hash = Step(hash, c);
        return Finish(hash);
    }
}

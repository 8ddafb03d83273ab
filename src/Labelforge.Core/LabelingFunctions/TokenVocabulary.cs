using System.Runtime.CompilerServices;
using System.Text;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// An open-addressing hash table from keyword tokens to small ids, looked up by span without allocating. The hash
/// reads only a token's length and its first, middle and last characters (folded for the folded table), so the
/// tokenizer's per-character work is finding word boundaries; a hit is confirmed by comparing the stored hash and
/// then the characters (folded the same way).
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

    /// <summary>Hash of a token from its length and three characters (already folded where the table folds).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(int length, char first, char middle, char last)
    {
        var h = ((uint)length * 0x9E3779B1u) ^ first;
        h = (h * 0x85EBCA77u) ^ middle;
        h = (h * 0xC2B2AE3Du) ^ last;
        h *= 0x27D4EB2Fu;
        return (int)((h ^ (h >> 15)) & int.MaxValue);
    }

    /// <summary>
    /// The id of <paramref name="token"/> (whose hash is <paramref name="hash"/>), or -1; with <paramref name="folded"/>
    /// the token's characters are folded before they are compared with the (folded) key.
    /// </summary>
    public int Find(ReadOnlySpan<char> token, int hash, bool folded)
    {
        var slot = hash & _mask;
        while (_keys[slot] is { } key)
        {
            if (_hashes[slot] == hash && (folded ? FoldedEquals(token, key) : token.SequenceEqual(key)))
                return _ids[slot];
            slot = (slot + 1) & _mask;
        }
        return -1;
    }

    /// <summary>Equality after folding the token; ASCII tokens take the vectorized comparison (folding never maps across ASCII).</summary>
    private static bool FoldedEquals(ReadOnlySpan<char> token, string key)
    {
        if (Ascii.EqualsIgnoreCase(token, key))
            return true;
        if (token.Length != key.Length || Ascii.IsValid(token))
            return false;
        for (var i = 0; i < token.Length; i++)
        {
            if (KeywordText.Fold(token[i]) != key[i])
                return false;
        }
        return true;
    }

    private static int Hash(string key) => Hash(key.Length, key[0], key[key.Length / 2], key[^1]);
}

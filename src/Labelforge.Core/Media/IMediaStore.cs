namespace Labelforge.Core.Media;

/// <summary>
/// Where item images live. Items hold only a media key (<see cref="MediaKeys"/>), never bytes in the database.
/// The folder store is the default; an object-storage store can implement the same three calls.
/// </summary>
public interface IMediaStore
{
    /// <summary>
    /// Adds the file at <paramref name="path"/> (its format's extension is <paramref name="extension"/>) and returns its
    /// key. <paramref name="reference"/> true keeps the file where it is and records where to find it instead of a copy.
    /// Adding content the store already holds writes nothing.
    /// </summary>
    Task<string> AddAsync(string path, string extension, bool reference, CancellationToken ct = default);

    /// <summary>The stored file of <paramref name="key"/>, or null when the key is malformed or not held (or a referenced file is gone or changed).</summary>
    MediaFile? Find(string key);

    /// <summary>
    /// Removes what the store holds for <paramref name="key"/> (an erasure: its copy, or its record of a referenced
    /// file, never the referenced file itself); false when it held nothing. A store that cannot delete keeps the default.
    /// </summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct = default) => Task.FromResult(false);
}

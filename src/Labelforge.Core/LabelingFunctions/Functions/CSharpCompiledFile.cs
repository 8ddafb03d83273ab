namespace Labelforge.Core.LabelingFunctions.Functions;

/// <summary>
/// One .cs file (or inline <c>code:</c>) compiled to an assembly image that only the worker process loads; <see cref="Id"/>
/// (a hash of the image) lets a worker keep it loaded across runs of the same set.
/// </summary>
public sealed class CSharpCompiledFile(byte[] image)
{
    public byte[] Image { get; } = image;

    public string Id { get; } = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(image));
}

namespace Labelforge.Core.Common;

/// <summary>
/// A request the caller can fix: an unknown project, a duplicate name, an invalid label. The CLI prints
/// <see cref="Exception.Message"/> to stderr; the server turns it into ProblemDetails with the matching status.
/// </summary>
public sealed class LabelforgeException : Exception
{
    public LabelforgeException(ErrorKind kind, string message) : base(message) => Kind = kind;

    public LabelforgeException() : this(ErrorKind.Invalid, "invalid request") { }

    public LabelforgeException(string message) : this(ErrorKind.Invalid, message) { }

    public LabelforgeException(string message, Exception innerException) : base(message, innerException) => Kind = ErrorKind.Invalid;

    public ErrorKind Kind { get; }

    public static LabelforgeException NotFound(string message) => new(ErrorKind.NotFound, message);

    public static LabelforgeException Conflict(string message) => new(ErrorKind.Conflict, message);

    public static LabelforgeException Invalid(string message) => new(ErrorKind.Invalid, message);
}

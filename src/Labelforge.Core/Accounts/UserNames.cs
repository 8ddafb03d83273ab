using Labelforge.Core.Common;

namespace Labelforge.Core.Accounts;

/// <summary>
/// A user name is the author of that user's annotations, so it cannot look like a machine author (`model:NAME@V`,
/// `lf:SET@V`, `import:BATCH`, `consensus:METHOD@RUN`, which all hold a ':'): 1 to 64 letters, digits, '.', '_', '-' or '@'.
/// </summary>
public static class UserNames
{
    public const int MaxLength = 64;

    public static string Check(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
            throw LabelforgeException.Invalid("A user needs a name.");
        if (trimmed.Length > MaxLength)
            throw LabelforgeException.Invalid($"A user name has at most {MaxLength} characters.");
        foreach (var c in trimmed)
        {
            if (!char.IsLetterOrDigit(c) && c is not ('.' or '_' or '-' or '@'))
                throw LabelforgeException.Invalid($"User name '{trimmed}' holds '{c}'; use letters, digits, '.', '_', '-' or '@'.");
        }
        return trimmed;
    }
}

namespace Labelforge.Core.Common;

/// <summary>
/// Sizes one request may carry, so a client cannot make one call hold the database (a SQL statement with millions of
/// variables) or the memory: ids in a list (queue <c>exclude</c>, lease item ids), labels, spans and probabilities in one
/// annotation. Over a limit the request fails as invalid (400) with the limit named. Request bodies as a whole are capped
/// by the server (see docs/security.md).
/// </summary>
public static class RequestLimits
{
    public const int MaxIds = 10_000;

    public const int MaxLabelsPerAnnotation = 1_000;

    /// <summary>Throws when <paramref name="count"/> passes <paramref name="max"/>, naming <paramref name="what"/>.</summary>
    public static void Check(int? count, int max, string what)
    {
        if (count > max)
            throw LabelforgeException.Invalid($"{what} has {count:N0} entries; at most {max:N0} are allowed per request.");
    }
}

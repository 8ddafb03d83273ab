using Labelforge.Core.Common;

namespace Labelforge.Core.Tests;

/// <summary>Asserts an operation failed as a user error of a given kind with a message that says what is wrong.</summary>
internal static class ErrorAssert
{
    public static async Task<LabelforgeException> FailsAsync(ErrorKind kind, string messageContains, Func<Task> operation)
    {
        var error = await Assert.ThrowsAsync<LabelforgeException>(operation);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(messageContains, error.Message, StringComparison.Ordinal);
        return error;
    }
}

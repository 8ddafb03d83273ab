using System.Net.Http.Headers;
using Labelforge.Core.Accounts;
using Labelforge.Server.Hosting;
using Labelforge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Tests;

/// <summary>
/// The one way tests and benchmarks sign in: a user (made if missing, an admin unless asked otherwise) and a personal API
/// token for them, written to the server's store as `labelforge user add` and `token create` would, and an HttpClient that
/// sends it as `Authorization: Bearer`. The server's security is the production one; tests call it as a signed-in user.
/// </summary>
public static class TestAccounts
{
    public static async Task<string> TokenAsync(LabelforgeStore store, string user, InstanceRole role = InstanceRole.Admin, string? password = null)
    {
        await using var services = Services(store);
        var accounts = services.GetRequiredService<AccountOperations>();
        var existing = await accounts.FindByNameAsync(user) ?? await accounts.AddAsync(user, role, password);
        return (await services.GetRequiredService<TokenOperations>().CreateAsync(existing, "test", TokenKind.Api, lifetime: null)).Secret;
    }

    public static Task<string> TokenAsync(LabelforgeServer server, string user, InstanceRole role = InstanceRole.Admin, string? password = null) =>
        TokenAsync(server.Services.GetRequiredService<LabelforgeStore>(), user, role, password);

    /// <summary>A client signed in as <paramref name="user"/> by bearer token.</summary>
    public static async Task<HttpClient> ClientAsync(LabelforgeServer server, string user, InstanceRole role = InstanceRole.Admin)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        SignIn(client, await TokenAsync(server, user, role));
        return client;
    }

    public static void SignIn(HttpClient client, string token) => client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    /// <summary>A one-time sign-in link's secret for <paramref name="user"/> (an admin, made if missing), for GET /sign-in?token=.</summary>
    public static async Task<string> SignInLinkAsync(LabelforgeServer server, string user, InstanceRole role = InstanceRole.Admin)
    {
        await using var services = Services(server.Services.GetRequiredService<LabelforgeStore>());
        var accounts = services.GetRequiredService<AccountOperations>();
        var existing = await accounts.FindByNameAsync(user) ?? await accounts.AddAsync(user, role, password: null);
        return (await services.GetRequiredService<TokenOperations>().CreateAsync(existing, "test sign-in", TokenKind.SignInLink, TimeSpan.FromMinutes(5))).Secret;
    }

    /// <summary>Makes <paramref name="user"/> a member of the project with <paramref name="role"/>.</summary>
    public static async Task JoinAsync(LabelforgeServer server, long projectId, string user, ProjectRole role)
    {
        await using var services = Services(server.Services.GetRequiredService<LabelforgeStore>());
        await services.GetRequiredService<MembershipOperations>().SetAsync(projectId, user, role);
    }

    // The composition root over the server's store, as `labelforge user add` and `token create` use it: one scope, disposed with it.
    private static ServiceProvider Services(LabelforgeStore store) => new ServiceCollection().AddLabelforge(store, TimeProvider.System).BuildServiceProvider();
}

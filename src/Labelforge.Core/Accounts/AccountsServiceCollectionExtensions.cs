using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Accounts;

/// <summary>Users, their API tokens and sign-in links, and project membership.</summary>
public static class AccountsServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountOperations>();
        services.AddScoped<TokenOperations>();
        services.AddScoped<MembershipOperations>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Audit;

/// <summary>The audit log: its writer/reader and the scope's actor.</summary>
public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditActor>();
        services.AddScoped<AuditLog>();
        return services;
    }
}

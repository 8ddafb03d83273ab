using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Labelforge.Server.Features.Projects;

/// <summary>The project check for route groups (or single endpoints) under /projects/{projectId}.</summary>
public static class RequireProjectExtensions
{
    /// <summary>Every endpoint of <paramref name="builder"/> answers 404 "No project with id N." when the project does not exist.</summary>
    public static TBuilder RequireProject<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, RequireProjectFilter>();
}

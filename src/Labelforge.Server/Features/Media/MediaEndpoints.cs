using Labelforge.Core.Media;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Labelforge.Server.Features.Media;

/// <summary>
/// `GET /api/projects/{id}/items/{itemId}/media`: the item's image with its media type, an ETag (the content key),
/// Last-Modified and range support (the stream is seeked, so a range reads only its bytes). With `v` equal to the
/// key's version (the UI's URLs carry it), the answer never changes and is cached for a year; without it, caches
/// revalidate by ETag, since an item id can come back for other content after the highest items are deleted.
/// </summary>
public static class MediaEndpoints
{
    private const string Forever = "private, max-age=31536000, immutable";
    private const string Revalidate = "private, no-cache";

    public static RouteGroupBuilder MapMedia(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId:long}/items/{itemId:long}/media", async Task<FileStreamHttpResult> (long projectId, long itemId, string? v,
            HttpContext http, MediaOperations media, CancellationToken ct) =>
        {
            var file = await media.FindAsync(projectId, itemId, ct);
            http.Response.Headers.CacheControl = v == MediaKeys.Version(file.Key) ? Forever : Revalidate;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.Stream(file.OpenRead(), file.MediaType, lastModified: file.LastModified,
                entityTag: new EntityTagHeaderValue($"\"{file.Key}\""), enableRangeProcessing: true);
        }).WithTags("Items").WithName("GetItemMedia").Produces(StatusCodes.Status200OK, contentType: "image/png")
            .Produces(StatusCodes.Status206PartialContent).Produces(StatusCodes.Status304NotModified).RequireProject().RequireAuthorization(Policies.ProjectAnnotator);
        return api;
    }
}

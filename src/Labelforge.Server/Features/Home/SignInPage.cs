using Labelforge.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace Labelforge.Server.Features.Home;

/// <summary>GET /sign-in without a link: the web UI's sign-in page, or without a built UI a page that says how to sign in.</summary>
public static class SignInPage
{
    public static IResult Show(ServerOptions options)
    {
        if (WebUiEndpoints.HasWebUi(options))
            return TypedResults.PhysicalFile(Path.Combine(Path.GetFullPath(options.WebRoot!), "index.html"), "text/html; charset=utf-8");
        const string html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in · Labelforge</title>
            <style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:60rem}</style></head>
            <body><h1>Sign in to Labelforge</h1>
            <p>Open the one-time sign-in link the server printed when it started, or call the API with a personal token
            (<code>labelforge token create NAME</code>, then <code>Authorization: Bearer TOKEN</code>).
            This server has no built web UI, where you could sign in with a password.</p></body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }
}

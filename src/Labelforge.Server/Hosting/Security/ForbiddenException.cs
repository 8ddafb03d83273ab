namespace Labelforge.Server.Hosting.Security;

/// <summary>The signed-in user may not do this (HTTP 403); thrown only where the request body decides what is asked.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

namespace Labelforge.Core.Accounts;

/// <summary>A token just made: <see cref="Secret"/> exists only here, the store keeps its hash.</summary>
public sealed record NewToken(TokenSummary Token, string Secret);

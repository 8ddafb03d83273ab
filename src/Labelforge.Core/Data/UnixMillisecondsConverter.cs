using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Labelforge.Core.Data;

/// <summary>Stores instants as UTC Unix milliseconds: sortable and comparable in SQL on every provider.</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));

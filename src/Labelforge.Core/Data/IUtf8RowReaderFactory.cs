using System.Data.Common;

namespace Labelforge.Core.Data;

/// <summary>Supplies a provider-specific <see cref="IUtf8RowReader"/>; registered on the context options by the store.</summary>
public interface IUtf8RowReaderFactory
{
    /// <summary>
    /// A reader of <paramref name="sql"/> on <paramref name="connection"/> (open), whose one parameter, named
    /// <c>@project</c>, is <paramref name="projectId"/>; null when this factory cannot serve that provider.
    /// </summary>
    IUtf8RowReader? Create(DbConnection connection, string sql, long projectId);
}

using Labelforge.Storage.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <summary>
    /// The undecided set as one b-tree keyed (ProjectId, RandomKey, ItemId) plus undecided_ranges for import order
    /// (<see cref="UndecidedRangesSql"/>). Written as SQL: EF's table rebuild would drop WITHOUT ROWID.
    /// </summary>
    public partial class UndecidedRanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in UndecidedRangesSql.Up)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in UndecidedRangesSql.Down)
                migrationBuilder.Sql(sql);
        }
    }
}

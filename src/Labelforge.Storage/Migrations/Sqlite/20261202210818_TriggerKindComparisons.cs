using Labelforge.Storage.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <summary>
    /// The triggers' kind lists of three or more names become comparisons joined by OR, so an annotation insert no
    /// longer builds an in-memory b-tree per trigger (<see cref="TriggerKindComparisonsSql"/>). No table changes.
    /// </summary>
    public partial class TriggerKindComparisons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in TriggerKindComparisonsSql.Up)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in TriggerKindComparisonsSql.Down)
                migrationBuilder.Sql(sql);
        }
    }
}

using Labelforge.Storage.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <summary>
    /// Label counts of text-spans and image-objects projects: the annotation count triggers read the labels of span and
    /// object values too, and every label is recounted (<see cref="StructuredLabelCountsSql"/>). No table changes.
    /// </summary>
    public partial class StructuredLabelCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in StructuredLabelCountsSql.Up)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in StructuredLabelCountsSql.Down)
                migrationBuilder.Sql(sql);
        }
    }
}

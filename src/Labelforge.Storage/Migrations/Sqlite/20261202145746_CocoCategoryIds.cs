using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <summary>
    /// <c>labels.CocoCategoryId</c>: the COCO category id a label was first imported with, written back by COCO exports.
    /// Down drops the column in place (raw SQL): a rebuilt <c>labels</c> table would lose the count triggers on it.
    /// </summary>
    public partial class CocoCategoryIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CocoCategoryId",
                table: "labels",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE labels DROP COLUMN CocoCategoryId;");
        }
    }
}

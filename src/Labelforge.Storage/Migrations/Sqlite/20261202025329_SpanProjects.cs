using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SpanProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Spans are token-snapped unless a project says otherwise, so existing rows take true.
            migrationBuilder.AddColumn<bool>(
                name: "OverlappingSpans",
                table: "projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SnapSpansToTokens",
                table: "projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OverlappingSpans",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "SnapSpansToTokens",
                table: "projects");
        }
    }
}

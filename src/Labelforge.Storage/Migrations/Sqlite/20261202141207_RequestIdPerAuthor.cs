using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RequestIdPerAuthor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_annotations_ProjectId_RequestId",
                table: "annotations");

            migrationBuilder.CreateIndex(
                name: "IX_annotations_ProjectId_Author_RequestId",
                table: "annotations",
                columns: new[] { "ProjectId", "Author", "RequestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_annotations_ProjectId_Author_RequestId",
                table: "annotations");

            migrationBuilder.CreateIndex(
                name: "IX_annotations_ProjectId_RequestId",
                table: "annotations",
                columns: new[] { "ProjectId", "RequestId" },
                unique: true);
        }
    }
}

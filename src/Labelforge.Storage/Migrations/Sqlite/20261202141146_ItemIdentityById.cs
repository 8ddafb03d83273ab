using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ItemIdentityById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_items_ProjectId_ContentHash",
                table: "items");

            migrationBuilder.DropIndex(
                name: "IX_items_ProjectId_ContentKey",
                table: "items");

            migrationBuilder.CreateIndex(
                name: "IX_items_ProjectId_ContentHash",
                table: "items",
                columns: new[] { "ProjectId", "ContentHash" },
                unique: true,
                filter: "\"ContentKey\" IS NULL AND \"ExternalId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_items_ProjectId_ContentKey",
                table: "items",
                columns: new[] { "ProjectId", "ContentKey" },
                unique: true,
                filter: "\"ContentKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_items_ProjectId_ContentHash",
                table: "items");

            migrationBuilder.DropIndex(
                name: "IX_items_ProjectId_ContentKey",
                table: "items");

            migrationBuilder.CreateIndex(
                name: "IX_items_ProjectId_ContentHash",
                table: "items",
                columns: new[] { "ProjectId", "ContentHash" },
                unique: true,
                filter: "\"ContentKey\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_items_ProjectId_ContentKey",
                table: "items",
                columns: new[] { "ProjectId", "ContentKey" },
                unique: true);
        }
    }
}

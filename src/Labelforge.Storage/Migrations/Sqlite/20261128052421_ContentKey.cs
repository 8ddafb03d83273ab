using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Labelforge.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_items_ProjectId_ContentHash",
                table: "items");

            migrationBuilder.DropIndex(
                name: "IX_items_ProjectId_ExternalId",
                table: "items");

            migrationBuilder.AddColumn<long>(
                name: "ContentKey",
                table: "items",
                type: "INTEGER",
                nullable: true);

            // Existing rows get the key Labelforge.Core.Import.Readers.ContentHash.Key computes in code.
            migrationBuilder.Sql($"UPDATE items SET ContentKey = {KeyFromHash("ContentHash")};");
            // Two items of a project whose different hashes share the first 8 bytes (a collision) cannot both hold the
            // key: the older keeps it, the other is found by its full hash through the partial index created below.
            migrationBuilder.Sql("UPDATE items SET ContentKey = NULL WHERE Id NOT IN (SELECT MIN(Id) FROM items GROUP BY ProjectId, ContentKey);");

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

            migrationBuilder.CreateIndex(
                name: "IX_items_ProjectId_ExternalId",
                table: "items",
                columns: new[] { "ProjectId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");
        }

        /// <summary>
        /// SQL for the first 8 bytes of a blob as a big-endian signed 64-bit integer, from its hex digits (SQLite has
        /// no blob-to-integer function). The top byte carries the sign; every partial sum stays within 64 bits.
        /// </summary>
        private static string KeyFromHash(string column)
        {
            string Byte(int i) =>
                $"((instr('0123456789ABCDEF', substr(hex({column}), {(2 * i) + 1}, 1)) - 1) * 16 + instr('0123456789ABCDEF', substr(hex({column}), {(2 * i) + 2}, 1)) - 1)";
            var terms = new System.Collections.Generic.List<string>
            {
                $"({Byte(0)} - CASE WHEN {Byte(0)} >= 128 THEN 256 ELSE 0 END) * 72057594037927936",
            };
            for (var i = 1; i < 8; i++)
                terms.Add($"{Byte(i)} * {1L << (8 * (7 - i))}");
            return string.Join(" + ", terms);
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

            migrationBuilder.DropIndex(
                name: "IX_items_ProjectId_ExternalId",
                table: "items");

            migrationBuilder.DropColumn(
                name: "ContentKey",
                table: "items");

            migrationBuilder.CreateIndex(
                name: "IX_items_ProjectId_ContentHash",
                table: "items",
                columns: new[] { "ProjectId", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_items_ProjectId_ExternalId",
                table: "items",
                columns: new[] { "ProjectId", "ExternalId" },
                unique: true);
        }
    }
}

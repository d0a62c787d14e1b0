using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>Source-generated serialization of bound rows, so trimmed and AOT apps need no reflection.</summary>
[JsonSerializable(typeof(IEnumerable<IReadOnlyDictionary<string, JsonElement>>))]
internal sealed partial class RowsJsonContext : JsonSerializerContext;

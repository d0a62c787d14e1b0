using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// A data file's heading is matched against every input's name, <c>column</c> alias and title,
    /// so an alias that is also another input's name, alias or title would make that heading stand
    /// for two inputs: a load error at the alias, before any file is read. (Two equal titles are
    /// allowed, as titles are worded for people; a heading written that way is a data-file error.)
    /// </summary>
    private void CheckColumnAliases()
    {
        var inputs = _definition.Inputs;
        foreach (var input in inputs)
        {
            if (input.Column is not { } alias || alias.Trim().Length == 0) continue;
            var key = ColumnHeadings.Normalize(alias.Trim());
            foreach (var other in inputs)
            {
                if (ReferenceEquals(other, input) || other.Name == input.Name) continue;
                // The property is named as written in the rule file, which reads the same in every language.
                var property = Same(other.Name) ? "name" : Same(other.Column) ? "column" : Same(other.Title) ? "title" : null;
                if (property is null) continue;
                _diagnostics.Add(DiagnosticCatalog.ColumnAliasClash, input.ColumnLocation ?? input.Location, alias, input.Name, property, other.Name);
                break;
            }

            bool Same(string? heading) => heading is not null && ColumnHeadings.Normalize(heading.Trim()) == key;
        }
    }
}

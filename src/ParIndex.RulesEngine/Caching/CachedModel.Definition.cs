using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Caching;

/// <summary>The parsed rule file in the cached model: every record of <see cref="RuleSetDefinition"/>, written and read side by side so the two stay in step.</summary>
internal static partial class CachedModel
{
    private static void Write(ModelWriter w, RuleSetDefinition d) => w.Shared(d, d =>
    {
        w.String(d.Id);
        w.String(d.Title);
        w.String(d.Version);
        w.String(d.LegalBasis);
        w.String(d.Description);
        w.Int(d.Precision);
        w.Shared(d.Agency, a => { w.String(a.IdColumn); w.String(a.NameColumn); });
        w.List(d.Inputs, i => Write(w, i));
        w.List(d.Variables, v => Write(w, v));
        w.List(d.Criteria, c => Write(w, c));
        w.List(d.Classification, c => Write(w, c));
        w.Shared(d.Ranking, r =>
        {
            w.String(r.GroupBy);
            w.Shared(r.GroupTitles, t =>
            {
                w.Int(t.Count);
                foreach (var (value, title) in t) { w.String(value); w.String(title); }
            });
            w.Location(r.Location);
        });
        w.List(d.Eligibility, e => Write(w, e));
        w.Shared(d.Metadata, m =>
        {
            w.String(m.Province);
            w.String(m.Issuer);
            w.String(m.Document);
            w.String(m.Number);
            w.String(m.Date);
            w.String(m.Period);
            w.Int((int)m.OverallRank);
            w.Location(m.Location);
        });
        w.List(d.Tests, t => Write(w, t));
        w.List(d.Targets, t => w.Shared(t, t =>
        {
            w.String(t.Code);
            w.Double(t.Points);
            w.String(t.Title);
            w.String(t.Description);
            w.Location(t.Location);
        }));
        w.String(d.SourceFile);
    });

    private static RuleSetDefinition ReadDefinition(ModelReader r) => r.Required(() => new RuleSetDefinition
    {
        Id = r.RequiredString(),
        Title = r.RequiredString(),
        Version = r.RequiredString(),
        LegalBasis = r.String(),
        Description = r.String(),
        Precision = r.Int(),
        Agency = r.Required(() => new AgencyColumns(r.RequiredString(), r.RequiredString())),
        Inputs = r.List(() => ReadInput(r)),
        Variables = r.List(() => ReadVariable(r)),
        Criteria = r.List(() => ReadCriterion(r)),
        Classification = r.List(() => ReadBand(r)),
        Ranking = r.Required(() => new RankingDefinition(r.String(), r.Required<IReadOnlyDictionary<string, string>>(() =>
        {
            var count = r.Count();
            var titles = new Dictionary<string, string>(count);
            for (var i = 0; i < count; i++) titles.Add(r.RequiredString(), r.RequiredString());
            return titles;
        }), r.Location())),
        Eligibility = r.List(() => ReadEligibilityRule(r)),
        Metadata = r.Shared(() => new RuleSetMetadata
        {
            Province = r.String(),
            Issuer = r.String(),
            Document = r.String(),
            Number = r.String(),
            Date = r.String(),
            Period = r.String(),
            OverallRank = Enum<OverallRankDisplay>(r),
            Location = r.Location(),
        }),
        Tests = r.List(() => ReadTestCase(r)),
        Targets = r.List(() => r.Required(() => new TargetDefinition(r.RequiredString(), r.Double(), r.String(), r.String(), r.RequiredLocation()))),
        SourceFile = r.String(),
    });

    private static void Write(ModelWriter w, Formula? formula) => w.Shared(formula, f =>
    {
        w.String(f.Text);
        w.Location(f.Location);
        w.String(f.Written);
    });

    private static Formula? ReadFormula(ModelReader r) => r.Shared(() => new Formula(r.RequiredString(), r.RequiredLocation()) { Written = r.String() });

    private static Formula ReadRequiredFormula(ModelReader r) => ReadFormula(r) ?? throw new InvalidDataException("a required formula is null");

    private static void Write(ModelWriter w, InputDefinition input) => w.Shared(input, i =>
    {
        w.String(i.Name);
        w.String(i.Title);
        w.String(i.Column);
        w.Location(i.ColumnLocation);
        w.Int((int)i.Type);
        w.String(i.Unit);
        w.NullableDouble(i.Min);
        w.NullableDouble(i.Max);
        w.Strings(i.Values);
        w.Int((int)i.Missing);
        w.Scalar(i.Default);
        w.String(i.Description);
        w.Location(i.Location);
    });

    private static InputDefinition ReadInput(ModelReader r) => r.Required(() => new InputDefinition
    {
        Name = r.RequiredString(),
        Title = r.String(),
        Column = r.String(),
        ColumnLocation = r.Location(),
        Type = Enum<InputType>(r),
        Unit = r.String(),
        Min = r.NullableDouble(),
        Max = r.NullableDouble(),
        Values = r.Strings(),
        Missing = Enum<MissingPolicy>(r),
        Default = r.Scalar(),
        Description = r.String(),
        Location = r.RequiredLocation(),
    });

    private static void Write(ModelWriter w, VariableDefinition variable) => w.Shared(variable, v =>
    {
        w.String(v.Name);
        w.String(v.Title);
        w.Int((int)v.Type);
        Write(w, v.Formula);
        w.String(v.Description);
        w.Location(v.Location);
    });

    private static VariableDefinition ReadVariable(ModelReader r) => r.Required(() => new VariableDefinition
    {
        Name = r.RequiredString(),
        Title = r.String(),
        Type = Enum<ValueKind>(r),
        Formula = ReadRequiredFormula(r),
        Description = r.String(),
        Location = r.RequiredLocation(),
    });

    private static void Write(ModelWriter w, ClassificationBand band) => w.Shared(band, b =>
    {
        w.String(b.Label);
        w.Double(b.MinPercent);
        w.Location(b.Location);
    });

    private static ClassificationBand ReadBand(ModelReader r) => r.Required(() => new ClassificationBand(r.RequiredString(), r.Double(), r.RequiredLocation()));

    private static void Write(ModelWriter w, EligibilityRule rule) => w.Shared(rule, e =>
    {
        w.String(e.Id);
        w.String(e.Title);
        w.String(e.Description);
        w.List(e.Conditions, c => w.Shared(c, c => { w.String(c.Title); Write(w, c.When); }));
        w.Location(e.Location);
    });

    private static EligibilityRule ReadEligibilityRule(ModelReader r) => r.Required(() => new EligibilityRule(
        r.RequiredString(), r.RequiredString(), r.String(),
        r.List(() => r.Required(() => new EligibilityCondition(r.RequiredString(), ReadRequiredFormula(r)))),
        r.RequiredLocation()));

    /// <summary>An enum stored as its number; a number the enum does not define is refused.</summary>
    private static T Enum<T>(ModelReader r) where T : struct, Enum
    {
        var value = r.Int();
        // The non-generic check: Enum.IsDefined<T> is compiled on every warm start for each enum read.
        return System.Enum.IsDefined(typeof(T), value) ? (T)(object)value : throw new InvalidDataException($"{value} is not a {typeof(T).Name}");
    }
}

namespace ParIndex.RulesEngine.Results.Report;

/// <summary>
/// The report's print styles: A4 pages (portrait or landscape) with page numbers in the bottom
/// margin, repeated table headers, no row or small table cut across pages, each ranking group
/// and each group's matrix on a new page, and nothing wider than the page (wrappers that scroll on
/// screen let their table wrap instead).
/// </summary>
internal static class PrintCss
{
    public static string For(PageOrientation orientation) => $$"""

        @page { size: A4 {{(orientation == PageOrientation.Landscape ? "landscape" : "portrait")}}; margin: 14mm 12mm 16mm 12mm;
          @bottom-right { content: "Trang " counter(page) " / " counter(pages); font-size: 9pt; color: #57606a; } }
        @media print {
          body { font-size: 10pt; line-height: 1.35; }
          header { padding: 0 0 8px; border-bottom: 2px solid #0b3d6e; }
          main, footer { padding-left: 0; padding-right: 0; max-width: none; }
          .table-wrap, figure.chart-box { overflow: visible; }
          table { width: 100%; font-size: 9pt; }
          thead { display: table-header-group; }
          tfoot { display: table-footer-group; }
          tr, td, th, .card, figure, .official, .matrix-legend { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
          .group + .group, .matrix-group + .matrix-group, #ma-tran { break-before: page; }
          .agency-panel { break-inside: auto; }
          details::details-content { content-visibility: visible; display: contents; }
          details > summary { list-style: none; font-weight: 600; }
          td.cell, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """;
}

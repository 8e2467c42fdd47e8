import WeakTiesIO

/// A self-contained printable HTML page (inline style, no scripts) for the outputs of `match` and
/// `agree`; the report has its own templates.
enum StandalonePage {
    static func html(title: String, language: ReportLanguage, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(MarkupEscaping.html.escape(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f0f0f0}.why{color:#444;font-size:.92em}.agenda{break-inside:avoid;page-break-inside:avoid}
        blockquote{margin:.2rem 0 .4rem 1rem;color:#333}.where{color:#666;font-size:.85em}
        @media print{body{margin:0;max-width:none}.agenda{page-break-after:always}a{color:inherit;text-decoration:none}}
        </style></head>
        <body>
        \(body)</body>
        </html>

        """
    }
}

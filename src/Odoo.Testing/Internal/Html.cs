namespace Odoo.Testing.Internal;

/// <summary>The HTML pages Odoo (werkzeug) answers outside JSON routes.</summary>
internal static class Html
{
    public static string Redirect(string location) =>
        "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n" +
        $"<p>You should be redirected automatically to the target URL: <a href=\"{location}\">{location}</a>. If not, click the link.\n";

    public const string BadRequestCsrf =
        "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>Session expired (invalid CSRF token)</p>\n";

    public const string NotFound =
        "<!DOCTYPE html>\n<html>\n    <head>\n        <meta charset=\"utf-8\"/>\n        <title>Odoo</title>\n    </head>\n    <body>\n" +
        "        <div id=\"wrapwrap\">\n            <main>\n                <h1 class=\"visually-hidden\">Error 404</h1>\n" +
        "                <h2>We couldn't find the page you're looking for!</h2>\n            </main>\n        </div>\n    </body>\n</html>";

    /// <summary>
    /// odoo/http.py (19.0), NOT_FOUND_NODB: the 404 page of a request that selects no database (none named, several hosted)
    /// or one that does not exist, for a route that is not server-wide (<c>Application.__call__</c> -> <c>_serve_nodb</c>).
    /// </summary>
    public const string NotFoundNoDatabase =
        "<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n" +
        "<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n" +
        "<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>\n\n" +
        "<!-- Alternatively, use the X-Odoo-Database header. -->\n";

    /// <summary>markupsafe.escape, as werkzeug's HTTPException.get_description applies it.</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal)
        .Replace("\"", "&#34;", StringComparison.Ordinal);

    /// <summary>Werkzeug's 400 page when a JSON route gets a request without a JSON content type.</summary>
    public static string NotJson(string path) => Error(400, "Bad Request",
        $"Request inferred type is compatible with [&#39;http&#39;] but &#39;{System.Net.WebUtility.HtmlEncode(path).Replace("'", "&#39;", StringComparison.Ordinal)}&#39; is type=&#39;json&#39;.");

    public static string Error(int status, string reason, string detail) =>
        $"<!doctype html>\n<html lang=en>\n<title>{status} {reason}</title>\n<h1>{reason}</h1>\n<p>{detail}</p>\n";

    public static string Reason(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };

    /// <summary>
    /// http_routing's frontend error page (addons/http_routing/views/http_routing_template.xml, template 400) as Odoo 18
    /// renders it for a UserError or MissingError on a website=True route such as /report/pdf: the message in a
    /// &lt;pre&gt; after "Error message:".
    /// </summary>
    public static string FrontendError400(string message) => FrontendPage(
        "                    <h1 class=\"mt-5\">Oops! Something went wrong.</h1>\n                    <p>Take a look at the error message below.</p>", message);

    /// <summary>http_routing's template 403, for an AccessError on a website=True route.</summary>
    public static string FrontendError403(string message) => FrontendPage(
        "                    <h1 class=\"mt-5\">403: Forbidden</h1>\n                    <p>The page you were looking for could not be authorized.</p>", message);

    private static string FrontendPage(string heading, string message) =>
        "<!DOCTYPE html>\n<html>\n    <head>\n        <meta charset=\"utf-8\"/>\n        <title>Odoo</title>\n    </head>\n    <body>\n" +
        "        <div id=\"wrapwrap\" class=\"  \">\n                <main>\n            <div id=\"wrap\">\n                <div class=\"container\">\n" +
        heading + "\n                </div>\n                    <div class=\"container\">\n        <p>\n            <strong>Error message:</strong>\n" +
        "            <pre>" + Escape(message) + "</pre>\n        </p>\n                    </div>\n        </div>\n                </main>\n        </div>\n    </body>\n</html>";

    /// <summary>http_routing's template 500 as Odoo 18 answers an unexpected error (an unknown report: ValueError) on a website=True route: no message.</summary>
    public const string FrontendError500 =
        "<html>\n            <head>\n                <title>Internal Server Error</title>\n            </head>\n            <body>\n" +
        "                <div id=\"wrapwrap\">\n                    <main>\n                        <div id=\"error_message\" class=\"oe_structure\">\n" +
        "                            <h2 class=\"container mt32\">500: Internal Server Error</h2>\n                        </div>\n\n" +
        "                    </main>\n                </div>\n            </body>\n        </html>";

    /// <summary>
    /// The database manager page (addons/web/static/src/public/database_manager.qweb.html) as the manager's routes
    /// render it after a failure: the error in an <c>alert-danger</c> box.
    /// </summary>
    public static string DatabaseManager(string error) =>
        "<!DOCTYPE html>\n<html>\n<head>\n<title>Odoo</title>\n</head>\n<body>\n<div class=\"container\">\n" +
        "<div class=\"alert alert-danger\">" + Escape(error) + "</div>\n</div>\n</body>\n</html>\n";

    public const string Proxy =
        "<html>\n<head><title>Maintenance</title></head>\n<body>\n<center><h1>Service under maintenance</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n";
}

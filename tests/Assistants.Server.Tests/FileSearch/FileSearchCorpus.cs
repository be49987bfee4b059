using System.Collections.Generic;

namespace Assistants.Server.Tests.FileSearch;

/// <summary>
/// Twelve short documents (Markdown, HTML, JSON, CSV, text) on distinct topics, and one question per document worded
/// unlike it (other words, other word forms, other sentence shapes), for measuring search precision.
/// </summary>
internal static class FileSearchCorpus
{
    public static readonly IReadOnlyList<(string FileName, string Content)> Documents =
    [
        ("refund_policy.md", "# Returns and refunds\nCustomers may return unopened merchandise within 30 days of delivery for a full refund. Refunds are issued to the original payment method within 5 business days after the warehouse inspects the returned item. Opened software cannot be returned."),
        ("shipping.html", "<html><head><style>h1 { color: red; }</style></head><body><h1>Delivery options</h1><p>Standard shipping takes 4 to 7 business days. Express shipping arrives in 2 days and costs $15. Orders over $50 ship free within the continental United States.</p><script>track('shipping');</script></body></html>"),
        ("warranty.txt", "Every laptop includes a two-year limited warranty covering manufacturing defects. Accidental damage such as spills or drops is not covered unless you purchased the CarePlus plan."),
        ("password_reset.md", "## Resetting a forgotten password\nOpen the sign-in page, choose 'Forgot password', and follow the link we email you. The link expires after 30 minutes."),
        ("office_hours.json", """{"office": "Berlin", "opening_hours": {"weekdays": "09:00-18:00", "saturday": "10:00-14:00", "sunday": "closed"}, "phone": "+49 30 1234567"}"""),
        ("pricing.csv", "plan,monthly_price_usd,seats,storage_gb\nStarter,9,1,50\nTeam,29,10,500\nEnterprise,99,unlimited,5000"),
        ("vacation_policy.txt", "Full-time employees accrue 25 days of paid leave per year. Unused leave of up to 5 days carries over to the next calendar year; anything above that expires on March 31."),
        ("security_phishing.md", "Report a suspected phishing email by forwarding it to security@example.com and then deleting it. Never click links or open attachments in suspicious messages."),
        ("expense_reports.md", "Submit expense reports through the Finance portal within 60 days of the purchase. Receipts are required for any single expense above $25. Reimbursements are paid with the next monthly payroll."),
        ("api_rate_limits.md", "The public API allows 100 requests per minute per key. Exceeding the limit returns HTTP 429 with a Retry-After header telling the client how many seconds to wait."),
        ("parking.txt", "Employee parking is available in garage B on levels 2 to 4. Visitors must register at reception to receive a day pass for level 1. Electric vehicle chargers are located next to the elevators on level 3."),
        ("onboarding.md", "During the first week, new hires receive their laptop, complete security training, and meet their onboarding buddy. Benefits enrollment must be finished within 30 days of the start date."),
    ];

    /// <summary>Each question with the file that answers it.</summary>
    public static readonly IReadOnlyList<(string Question, string FileName)> Questions =
    [
        ("If I change my mind about something still sealed, how many days until refunding it is no longer possible?", "refund_policy.md"),
        ("How much extra do I pay to have my order delivered quickly?", "shipping.html"),
        ("Is coffee spilled over my laptop keyboard covered?", "warranty.txt"),
        ("I forgot what I type when signing in; how do I get a new one?", "password_reset.md"),
        ("When is the Berlin location open at the weekend?", "office_hours.json"),
        ("How many seats come with the Team subscription, and what is the monthly cost?", "pricing.csv"),
        ("Can staff carry unused holiday days into the following year?", "vacation_policy.txt"),
        ("What should I do with a suspicious email asking for my bank details?", "security_phishing.md"),
        ("Do I need receipts for small purchases to be reimbursed?", "expense_reports.md"),
        ("What happens when a client sends too many requests within a minute?", "api_rate_limits.md"),
        ("Where can I charge an electric car in the garage?", "parking.txt"),
        ("What does a newly hired person have to complete in the first week?", "onboarding.md"),
    ];

    /// <summary>Questions that share (almost) no word with their answer: synonyms only. Keyword ranking is expected to miss most.</summary>
    public static readonly IReadOnlyList<(string Question, string FileName)> SynonymQuestions =
    [
        ("Can I get my money back for goods I haven't unwrapped?", "refund_policy.md"),
        ("What's the fee for a speedy parcel?", "shipping.html"),
        ("How do I regain access if the secret word slipped my mind?", "password_reset.md"),
        ("Whom do I alert about a dodgy-looking message?", "security_phishing.md"),
    ];
}

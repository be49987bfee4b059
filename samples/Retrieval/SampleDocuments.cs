using System.Collections.Generic;

/// <summary>The small company knowledge base the sample uploads: an employee handbook, a product FAQ and two policies.</summary>
internal static class SampleDocuments
{
    public static IReadOnlyList<(string FileName, string Text)> All { get; } =
    [
        ("employee-handbook.md", """
            # Northwind Outfitters: employee handbook

            ## Time off
            Every employee gets 25 days of paid vacation per year, plus the public holidays of their office.
            Ask your manager for leave at least two weeks ahead. Up to 5 unused days carry over to the next year.

            ## Working from home
            You may work from home up to three days a week, after your first month.
            """),
        ("tent-faq.md", """
            # Trailblazer 2 tent: frequently asked questions

            **How heavy is it?** The packed weight is 2.1 kg, poles and pegs included.
            **Is it waterproof?** The fly has a 3000 mm hydrostatic head and taped seams.
            **What warranty does it have?** Five years against manufacturing defects; keep your proof of purchase.
            """),
        ("returns-policy.txt", """
            Returns policy

            Unused items can be returned within 60 days of purchase, with the receipt, for a full refund.
            Refunds reach your card within 5 business days after the returned item arrives at our warehouse.
            Worn or used gear can be exchanged only when it is faulty (see the product warranty).
            """),
        ("shipping.md", """
            # Shipping

            Orders over $75 ship free. Standard delivery takes 3 to 5 business days; express delivery takes 1 day and costs $15.
            We ship to every country in the European Union and to the United Kingdom.
            """),
    ];
}

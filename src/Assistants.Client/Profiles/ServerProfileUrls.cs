using System;
using System.Text.RegularExpressions;

namespace Assistants.Client.Internal;

/// <summary>Checks and builds the base URLs of <see cref="ServerProfile"/>.</summary>
internal static class ServerProfileUrls
{
    private static readonly Regex s_resourceName = new("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex s_projectPath = new("^/api/projects/[^/]+/?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static void RequireAbsolute(Uri? url, string paramName)
    {
        if (url is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{url}' is not an absolute URL.", paramName);
        }
    }

    /// <summary>A resource name becomes <c>https://name.services.ai.azure.com/</c>; an endpoint is kept, without a path.</summary>
    public static Uri FoundryRoot(string resourceOrEndpoint, string paramName)
    {
        if (resourceOrEndpoint.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            return s_resourceName.IsMatch(resourceOrEndpoint)
                ? new Uri("https://" + resourceOrEndpoint + ".services.ai.azure.com/")
                : throw new ArgumentException($"'{resourceOrEndpoint}' is neither a Foundry resource name nor an endpoint URL.", paramName);
        }

        if (!Uri.TryCreate(resourceOrEndpoint, UriKind.Absolute, out Uri? endpoint))
        {
            throw new ArgumentException($"'{resourceOrEndpoint}' is not an absolute URL.", paramName);
        }

        return endpoint.AbsolutePath is "/" or ""
            ? new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/")
            : throw new ArgumentException($"The Foundry endpoint '{resourceOrEndpoint}' has a path; pass the resource endpoint and the project, or the project endpoint alone to ServerProfile.Foundry(Uri).", paramName);
    }

    public static void RequireFoundryProject(Uri projectEndpoint, string paramName)
    {
        RequireAbsolute(projectEndpoint, paramName);
        if (!s_projectPath.IsMatch(projectEndpoint.AbsolutePath))
        {
            throw new ArgumentException($"'{projectEndpoint}' is not a Foundry project endpoint (https://<resource>.services.ai.azure.com/api/projects/<project>).", paramName);
        }
    }
}

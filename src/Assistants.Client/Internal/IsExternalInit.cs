#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices;

// Lets netstandard2.0 compile init-only setters; the runtime ignores the marker.
internal static class IsExternalInit
{
}
#endif

using System;
using System.Globalization;
using Assistants.Server.Errors;

namespace Assistants.Server.Validation;

/// <summary>The 400s of <see cref="ProtocolLimits"/>, worded as the service words its validation errors.</summary>
internal static class LimitErrors
{
    public static ApiException TooManyProperties(string param, int max, int count) => ApiErrors.BadRequest(
        Format($"Invalid '{param}': too many properties. Expected an object with at most {max} properties, but got an object with {count} properties instead."),
        param, "object_above_max_properties");

    public static ApiException KeyTooLong(string param, int max, int length) => ApiErrors.BadRequest(
        Format($"Invalid '{param}': key too long. Expected keys with maximum length {max}, but got a key with length {length} instead."),
        param, "string_above_max_length");

    public static ApiException StringTooLong(string param, int max, int length) => ApiErrors.BadRequest(
        Format($"Invalid '{param}': string too long. Expected a string with maximum length {max}, but got a string with length {length} instead."),
        param, "string_above_max_length");

    public static ApiException ArrayTooLong(string param, int max, int length) => ApiErrors.BadRequest(
        Format($"Invalid '{param}': array too long. Expected an array with maximum length {max}, but got an array with length {length} instead."),
        param, "array_above_max_length");

    public static ApiException PatternMismatch(string param, string pattern) => ApiErrors.BadRequest(
        $"Invalid '{param}': string does not match pattern. Expected a string that matches the pattern '{pattern}'.",
        param, "invalid_value");

    public static ApiException OutOfRange(string param, double min, double max, double value, string got) => value < min
        ? ApiErrors.BadRequest(Format($"Invalid '{param}': decimal below minimum value. Expected a value >= {min}, but got {got} instead."), param, "decimal_below_min_value")
        : ApiErrors.BadRequest(Format($"Invalid '{param}': decimal above maximum value. Expected a value <= {max}, but got {got} instead."), param, "decimal_above_max_value");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

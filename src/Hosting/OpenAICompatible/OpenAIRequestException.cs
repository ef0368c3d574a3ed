using Microsoft.AspNetCore.Http;

namespace HybridAI.Hosting.OpenAICompatible;

/// <summary>
/// A request the endpoint refuses, answered in OpenAI's error shape. Messages name the field at fault and never
/// repeat what a message said.
/// </summary>
internal sealed class OpenAIRequestException(int status, string message, string? param, string? code = null)
    : Exception(message)
{
    public int Status { get; } = status;

    public string? Param { get; } = param;

    public string? Code { get; } = code;

    public string Type => Status switch
    {
        StatusCodes.Status404NotFound => "invalid_request_error",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };

    public static OpenAIRequestException Invalid(string param, string message) => new(StatusCodes.Status400BadRequest, message, param);

    public static OpenAIRequestException UnknownModel(string model) =>
        new(StatusCodes.Status404NotFound, $"The model '{model}' does not exist or is not served here (see GET /v1/models).", "model", "model_not_found");
}

using HybridAI.Native.LlamaCpp;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridAI.Hosting.OpenAICompatible;

/// <summary>
/// Runs an endpoint and turns what it throws into OpenAI's error JSON: the request's own faults as 4xx naming the field,
/// anything else as a 500 whose body says nothing of the cause (the log has it).
/// </summary>
internal static partial class OpenAIErrorHandling
{
    public static async Task RunAsync(HttpContext context, Func<HttpContext, Task> endpoint)
    {
        try
        {
            await endpoint(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var error = Classify(context, e);
            await OpenAIError.WriteAsync(context, error).ConfigureAwait(false);
        }
    }

    public static OpenAIRequestException Classify(HttpContext context, Exception e)
    {
        switch (e)
        {
            case OpenAIRequestException request:
                return request;
            case BadHttpRequestException bad:
                return new OpenAIRequestException(bad.StatusCode, "The request could not be read (body too large or incomplete).", "body");
            case LlamaContextOverflowException:
                return new OpenAIRequestException(StatusCodes.Status400BadRequest, "The messages do not fit the model's context; send fewer or shorter messages.", "messages", "context_length_exceeded");
            default:
                LogFailure(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenAIErrorHandling).FullName!), e, context.Request.Path);
                return new OpenAIRequestException(StatusCodes.Status500InternalServerError, OpenAIError.ServerErrorMessage, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string path);
}

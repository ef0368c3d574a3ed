using System.Text;
using HybridAI.Generators.Tokenization;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Local.OnnxDecoder;

/// <summary>
/// Renders a conversation as the prompt text a chat model was trained on. The model's Jinja chat template is not
/// executed; its family is recognised by its markers (ChatML: Qwen, SmolLM; Llama 3; Phi-3 style: Phi-4-mini), and
/// ChatML is used when there is no template or it is not recognised. Each format ends with the assistant's turn opened, and names the marker that
/// ends a turn (a stop token).
/// </summary>
internal abstract class ChatPromptFormat
{
    public abstract string Name { get; }

    /// <summary>The marker that closes a turn; generation stops at it.</summary>
    public abstract string EndOfTurn { get; }

    public static ChatPromptFormat Detect(string? template, ByteLevelBpeTokenizer tokenizer) => template switch
    {
        not null when template.Contains("<|start_header_id|>", StringComparison.Ordinal) => new Llama3(tokenizer.TokenToId("<|begin_of_text|>") is not null),
        not null when template.Contains("<|assistant|>", StringComparison.Ordinal) && template.Contains("<|end|>", StringComparison.Ordinal) => new Phi3(),
        _ => new ChatMl(),
    };

    public string Render(IEnumerable<ChatMessage> messages)
    {
        var prompt = new StringBuilder();
        Begin(prompt);
        foreach (ChatMessage message in messages)
        {
            Turn(prompt, message.Role, message.Text);
        }

        OpenAssistant(prompt);
        return prompt.ToString();
    }

    protected virtual void Begin(StringBuilder prompt)
    {
    }

    protected abstract void Turn(StringBuilder prompt, ChatRole role, string text);

    protected abstract void OpenAssistant(StringBuilder prompt);

    private sealed class ChatMl : ChatPromptFormat
    {
        public override string Name => "chatml";

        public override string EndOfTurn => "<|im_end|>";

        protected override void Turn(StringBuilder prompt, ChatRole role, string text) =>
            prompt.Append("<|im_start|>").Append(role.Value).Append('\n').Append(text).Append("<|im_end|>\n");

        protected override void OpenAssistant(StringBuilder prompt) => prompt.Append("<|im_start|>assistant\n");
    }

    private sealed class Llama3(bool bos) : ChatPromptFormat
    {
        public override string Name => "llama3";

        public override string EndOfTurn => "<|eot_id|>";

        protected override void Begin(StringBuilder prompt)
        {
            if (bos)
            {
                prompt.Append("<|begin_of_text|>");
            }
        }

        protected override void Turn(StringBuilder prompt, ChatRole role, string text) =>
            prompt.Append("<|start_header_id|>").Append(role.Value).Append("<|end_header_id|>\n\n").Append(text.Trim()).Append("<|eot_id|>");

        protected override void OpenAssistant(StringBuilder prompt) => prompt.Append("<|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    private sealed class Phi3 : ChatPromptFormat
    {
        public override string Name => "phi3";

        public override string EndOfTurn => "<|end|>";

        protected override void Turn(StringBuilder prompt, ChatRole role, string text) =>
            prompt.Append("<|").Append(role.Value).Append("|>\n").Append(text).Append("<|end|>\n");

        protected override void OpenAssistant(StringBuilder prompt) => prompt.Append("<|assistant|>\n");
    }
}

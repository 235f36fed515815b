package io.ringwall.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The one place that touches the YAML library. A file becomes a plain tree of {@code Map<String, Object>}
 * (in file order), {@code List<Object>} and {@code String}. It stops at the node graph rather than letting
 * the library construct Java values: every scalar stays the exact text that was written, so {@code 0.10} is
 * never a double and {@code no} is never a boolean; {@link ValueKind} alone decides what a text means.
 */
final class YamlFile
{
    // The deepest config is instruments[i].field (3 levels); an alias cycle would otherwise recurse forever.
    private static final int MAX_DEPTH = 8;

    private YamlFile()
    {
    }

    /**
     * @return the file's top-level map (empty for an empty file or one of comments only), or null when the
     *         file does not exist.
     * @throws ConfigException naming the file and, for malformed YAML, the parser's line and column.
     */
    static Map<String, Object> readOrNull(final ConfigLocation location, final String fileName)
    {
        final String text = location.readOrNull(fileName);
        if (text == null)
        {
            return null;
        }
        final String source = location.describe(fileName);
        final Optional<Node> root;
        try
        {
            final LoadSettings settings = LoadSettings.builder().setLabel(source).build();
            requireShallow(source, settings, text);
            root = new Compose(settings).composeString(text);
        }
        catch (final MarkedYamlEngineException ex)
        {
            final String context = ex.getContext() == null ? "" : ex.getContext() + ", ";
            throw new ConfigException(source + ": malformed YAML" + at(ex.getProblemMark()) + ": " + context +
                ex.getProblem(), ex);
        }
        catch (final YamlEngineException ex)
        {
            throw new ConfigException(source + ": malformed YAML: " + ex.getMessage(), ex);
        }
        if (root.isEmpty())
        {
            return new LinkedHashMap<>();
        }
        if (!(root.get() instanceof MappingNode))
        {
            throw new ConfigException(source + ": the document must be a map of keys" + at(root.get().getStartMark()));
        }
        @SuppressWarnings("unchecked")
        final Map<String, Object> tree = (Map<String, Object>)convert(source, "", root.get(), 0);
        return tree;
    }

    /**
     * The library composes nodes recursively with no depth limit, so {@code [[[[...} thousands deep would end the
     * start in a StackOverflowError. Its event stream is read without recursion: the nesting is checked there first.
     */
    private static void requireShallow(final String source, final LoadSettings settings, final String text)
    {
        int depth = 0;
        for (final Event event : new Parse(settings).parseString(text))
        {
            // The top-level map is depth 0 in convert below, so the same files pass both checks.
            if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH + 1)
            {
                throw new ConfigException(source + ": the document is nested too deeply (more than " + MAX_DEPTH +
                    " levels)" + at(event.getStartMark()));
            }
            if (event instanceof CollectionEndEvent)
            {
                depth--;
            }
        }
    }

    private static Object convert(final String source, final String path, final Node node, final int depth)
    {
        if (depth > MAX_DEPTH)
        {
            throw new ConfigException(source + ": " + path + " is nested too deeply" + at(node.getStartMark()));
        }
        if (node instanceof ScalarNode scalar)
        {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence)
        {
            final List<Object> list = new ArrayList<>();
            for (final Node item : sequence.getValue())
            {
                list.add(convert(source, path + "[" + list.size() + "]", item, depth + 1));
            }
            return list;
        }
        final Map<String, Object> map = new LinkedHashMap<>();
        for (final NodeTuple tuple : ((MappingNode)node).getValue())
        {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode))
            {
                throw new ConfigException(source + ": a key under " + (path.isEmpty() ? "the top level" : path) +
                    " is not a name" + at(tuple.getKeyNode().getStartMark()));
            }
            final String key = path.isEmpty() ? keyNode.getValue() : path + "." + keyNode.getValue();
            // YAML says duplicate keys are an error; which of the two the library would keep is not ours to guess.
            if (map.containsKey(keyNode.getValue()))
            {
                throw new ConfigException(source + ": " + key + " appears twice" + at(keyNode.getStartMark()));
            }
            map.put(keyNode.getValue(), convert(source, key, tuple.getValueNode(), depth + 1));
        }
        return map;
    }

    private static String at(final Optional<Mark> mark)
    {
        // The library counts from 0; editors count from 1.
        return mark.map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("");
    }
}

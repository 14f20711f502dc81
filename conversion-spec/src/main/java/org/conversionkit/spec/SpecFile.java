package org.conversionkit.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One case file: {@code {"description": [...], "cases": [...]}}, the description a string or a list of lines.
 * Every case is an object with an {@code id} unique in the file; the inputs a case names as files lie in the folder
 * named as the file ({@code csv/} beside {@code csv.json}).
 */
public final class SpecFile {

    private final String name;
    private final Path directory;
    private final Node root;
    private final List<SpecCase> cases;

    SpecFile(String name, Path directory, Node root) {
        this.name = name;
        this.directory = directory;
        this.root = root.only("description", "cases");
        List<SpecCase> list = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node node : root.get("cases").list()) {
            SpecCase c = new SpecCase(this, node);
            if (!ids.add(c.id())) {
                throw new SpecException(node.path() + ": the id '" + c.id() + "' is taken by another case");
            }
            list.add(c);
        }
        if (list.isEmpty()) {
            throw new SpecException(name + ": no case");
        }
        this.cases = List.copyOf(list);
    }

    /**
     * Returns the file's name under {@code spec/}.
     *
     * @return e.g. {@code csv.json}
     */
    public String name() {
        return name;
    }

    /**
     * Returns what the file's cases are about, and the meaning of their keys.
     *
     * @return the description, or {@code ""}
     */
    public String description() {
        if (!root.has("description")) {
            return "";
        }
        Node description = root.get("description");
        return description.isList() ? String.join(" ", description.texts()) : description.text();
    }

    /**
     * Returns the cases, in the order written.
     *
     * @return the cases
     */
    public List<SpecCase> cases() {
        return cases;
    }

    /**
     * Returns one case.
     *
     * @param id its id
     * @return the case
     */
    public SpecCase get(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new SpecException(name + ": no case '" + id + "'"));
    }

    /**
     * Returns the folder of the file's input files, named as the file without {@code .json} (it may not exist).
     *
     * @return its path, in the directory or the jar of this module
     */
    public Path directory() {
        return directory;
    }

    /**
     * Returns the whole file.
     *
     * @return its root node
     */
    public Node root() {
        return root;
    }

    @Override
    public String toString() {
        return name;
    }
}

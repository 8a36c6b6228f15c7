package io.regionplan.deployment;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import io.regionplan.engine.ExpressionBeans;

import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.BeanFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Refuses what a process file could use to run code of its own: scripts in any form
 * (script tasks, {@code camunda:script} in listeners and input/output mappings, script
 * conditions, {@code camunda:resource}), Java classes by name ({@code camunda:class}),
 * and expressions that use anything off the
 * {@link io.regionplan.engine.ExpressionAllowList}. Each expression is parsed by the JUEL
 * parser the engine uses and its tree checked ({@link ExpressionTreeCheck}), so bracket
 * calls, {@code #{…}} and property chains are held to the list as much as dot calls are.
 */
final class BpmnExpressionCheck {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	/** Elements the engine never evaluates: free text for people. */
	private static final Set<String> PROSE = Set.of("documentation", "text");

	/** Attributes that name a Java class for the engine to instantiate. */
	private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "formHandlerClass", "variableMappingClass");

	private final ExpressionTreeCheck trees;

	/**
	 * @param beans the application's beans, or {@code null} without the application
	 */
	BpmnExpressionCheck(BeanFactory beans) {
		this.trees = new ExpressionTreeCheck(beans);
	}

	List<FileProblem> check(String file, byte[] bpmn) {
		Element root;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // quiet:
																				// the
																				// BPMN
																				// check
																				// reports
																				// bad XML
			root = builder.parse(new ByteArrayInputStream(bpmn)).getDocumentElement();
		}
		catch (Exception ex) {
			return List.of(); // not XML: the BPMN check reports it
		}
		Set<String> problems = new LinkedHashSet<>();
		walk(root, root.getAttribute("id"), problems);
		return problems.stream().map(message -> new FileProblem(file, 0, 0, message)).toList();
	}

	private void walk(Element element, String id, Set<String> problems) {
		String here = element.hasAttribute("id") ? element.getAttribute("id") : id;
		String name = element.getLocalName();
		if (name.equals("scriptTask") || name.equals("script")) {
			problems.add(here + ": 不允许脚本（" + element.getTagName() + "）/ scripts are not allowed ("
					+ element.getTagName() + "): use a service task with an allow-listed bean");
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			checkAttribute(element, (Attr) attributes.item(i), here, problems);
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element nested) {
				walk(nested, here, problems);
			}
			else if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
					&& !PROSE.contains(name)) {
				expression(child.getNodeValue(), here, problems);
			}
		}
	}

	private void checkAttribute(Element element, Attr attribute, String id, Set<String> problems) {
		String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
		boolean camunda = CAMUNDA_NS.equals(attribute.getNamespaceURI());
		if (name.equals("scriptFormat") || camunda && name.equals("resource")
				|| name.equals("language") && element.getLocalName().equals("conditionExpression")) {
			problems.add(
					id + ": 不允许脚本（" + attribute.getName() + "）/ scripts are not allowed (" + attribute.getName() + ")");
		}
		else if (CLASS_ATTRIBUTES.contains(name) && (camunda || attribute.getNamespaceURI() == null)) {
			// camunda:class on tasks, plain class on camunda:executionListener /
			// taskListener, form handlers and
			// variable mappings: each makes the engine instantiate a class the file names
			problems.add(id + ": 不允许按类名调用 Java（" + attribute.getName() + "=" + attribute.getValue() + "）/ "
					+ attribute.getName() + " is not allowed ('" + attribute.getValue()
					+ "'): use camunda:delegateExpression with an allow-listed bean");
		}
		else if (camunda && name.equals("delegateExpression")) {
			String bean = attribute.getValue().strip().replaceAll("^[$#]\\{\\s*(\\w+)\\s*}$", "$1");
			if (!ExpressionBeans.ALLOWED.contains(bean)) {
				problems.add(id + ": 委托表达式须为允许的 bean / camunda:delegateExpression must name an allow-listed bean, not '"
						+ attribute.getValue() + "' (allowed: " + ExpressionBeans.ALLOWED.stream().sorted().toList()
						+ ")");
				expression(attribute.getValue(), id, problems);
			}
		}
		else {
			expression(attribute.getValue(), id, problems);
		}
	}

	/**
	 * Parses text holding {@code ${…}} or {@code #{…}} as the engine would, and checks
	 * what it resolves.
	 */
	private void expression(String text, String id, Set<String> problems) {
		if (text == null || !text.contains("${") && !text.contains("#{")) {
			return;
		}
		String shown = text.strip();
		Tree tree;
		try {
			tree = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text);
		}
		catch (TreeBuilderException ex) {
			problems
				.add(id + ": 表达式 " + shown + " 无法解析 / expression " + shown + " cannot be parsed: " + ex.getMessage());
			return;
		}
		trees.check(tree)
			.forEach(reason -> problems.add(id + ": 表达式 " + shown + " 不允许：" + reason.chinese() + " / expression "
					+ shown + " is not allowed: " + reason.english()));
	}

}

package io.regionplan.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import io.regionplan.system.ExpressionBeans;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Refuses what a process file could use to run code of its own: scripts in any form (script tasks,
 * {@code camunda:script} in listeners and input/output mappings, script conditions, {@code camunda:resource}),
 * Java classes by name ({@code camunda:class}), and expressions that name a bean off the
 * {@link ExpressionBeans#ALLOWED allow-list}, call a method on anything but an allow-listed bean or the
 * execution/task, or reach for reflection. Expressions may still read process variables.
 */
final class BpmnExpressionCheck {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	/** What Camunda puts into every expression besides variables and beans. */
	private static final Set<String> CONTEXT = Set.of("execution", "task", "authenticatedUserId");

	private static final Set<String> CONTEXT_METHODS = Set.of("getVariable", "getVariableLocal", "getVariableTyped",
			"hasVariable", "hasVariableLocal", "getId", "getProcessInstanceId", "getProcessBusinessKey", "getBusinessKey",
			"getTenantId", "getCurrentActivityId", "getTaskDefinitionKey", "getAssignee", "getName");

	private static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");

	private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
			"lt", "gt", "le", "ge", "div", "mod", "instanceof");

	private final Predicate<String> springBean;

	/** @param springBean whether a name is a bean of the application (always false without the application) */
	BpmnExpressionCheck(Predicate<String> springBean) {
		this.springBean = springBean;
	}

	List<FileProblem> check(String file, byte[] bpmn) {
		Element root;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // quiet: the BPMN check reports bad XML
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
			problems.add(here + ": 不允许脚本（" + element.getTagName() + "）/ scripts are not allowed (" + element.getTagName()
					+ "): use a service task with an allow-listed bean");
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			checkAttribute(element, (Attr) attributes.item(i), here, problems);
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element nested) {
				walk(nested, here, problems);
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				expressions(child.getNodeValue(), here, problems);
			}
		}
	}

	/** Attributes that name a Java class for the engine to instantiate. */
	private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "formHandlerClass", "variableMappingClass");

	private void checkAttribute(Element element, Attr attribute, String id, Set<String> problems) {
		String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
		boolean camunda = CAMUNDA_NS.equals(attribute.getNamespaceURI());
		if (name.equals("scriptFormat") || camunda && name.equals("resource")
				|| name.equals("language") && element.getLocalName().equals("conditionExpression")) {
			problems.add(id + ": 不允许脚本（" + attribute.getName() + "）/ scripts are not allowed (" + attribute.getName() + ")");
		}
		else if (CLASS_ATTRIBUTES.contains(name) && (camunda || attribute.getNamespaceURI() == null)) {
			// camunda:class on tasks, plain class on camunda:executionListener / taskListener, form handlers and
			// variable mappings: each makes the engine instantiate a class the file names
			problems.add(id + ": 不允许按类名调用 Java（" + attribute.getName() + "=" + attribute.getValue() + "）/ "
					+ attribute.getName() + " is not allowed ('" + attribute.getValue()
					+ "'): use camunda:delegateExpression with an allow-listed bean");
		}
		else if (camunda && name.equals("delegateExpression")) {
			String bean = attribute.getValue().strip().replaceAll("^[$#]\\{\\s*(\\w+)\\s*}$", "$1");
			if (!ExpressionBeans.ALLOWED.contains(bean)) {
				problems.add(id + ": 委托表达式须为允许的 bean / camunda:delegateExpression must name an allow-listed bean, not '"
						+ attribute.getValue() + "' (allowed: " + ExpressionBeans.ALLOWED.stream().sorted().toList() + ")");
				expressions(attribute.getValue(), id, problems);
			}
		}
		else {
			expressions(attribute.getValue(), id, problems);
		}
	}

	private void expressions(String text, String id, Set<String> problems) {
		if (text == null) {
			return;
		}
		for (int start = nextStart(text, 0); start >= 0; start = nextStart(text, start + 2)) {
			int end = end(text, start + 2);
			check(text.substring(start + 2, end), text.substring(start, Math.min(end + 1, text.length())), id, problems);
		}
	}

	private static int nextStart(String text, int from) {
		int dollar = text.indexOf("${", from);
		int hash = text.indexOf("#{", from);
		return dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
	}

	/** The closing brace of an expression, skipping quoted text. */
	private static int end(String text, int from) {
		char quote = 0;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '}') {
				return i;
			}
		}
		return text.length();
	}

	private void check(String body, String expression, String id, Set<String> problems) {
		List<String> wrong = new ArrayList<>();
		String root = null;
		char previous = 0;
		for (int i = 0; i < body.length();) {
			char c = body.charAt(i);
			if (c == '\'' || c == '"') {
				int close = i + 1;
				while (close < body.length() && body.charAt(close) != c) {
					close += body.charAt(close) == '\\' ? 2 : 1;
				}
				String literal = body.substring(i + 1, Math.min(close, body.length()));
				if (ExpressionBeans.REFLECTIVE.contains(literal)) {
					wrong.add("不得使用 " + literal + " / may not use '" + literal + "'");
				}
				i = close + 1;
				previous = c;
			}
			else if (Character.isJavaIdentifierStart(c)) {
				int after = i;
				while (after < body.length() && Character.isJavaIdentifierPart(body.charAt(after))) {
					after++;
				}
				String name = body.substring(i, after);
				int next = after;
				while (next < body.length() && Character.isWhitespace(body.charAt(next))) {
					next++;
				}
				boolean call = next < body.length() && body.charAt(next) == '(';
				if (previous == '.') {
					member(root, name, call, wrong);
				}
				else {
					root = name;
					root(name, call, wrong);
				}
				i = after;
				previous = 'a';
			}
			else if (Character.isDigit(c)) {
				while (i < body.length() && (Character.isDigit(body.charAt(i)) || body.charAt(i) == '.')) {
					i++;
				}
				previous = '0';
			}
			else {
				if (!Character.isWhitespace(c)) {
					previous = c;
				}
				i++;
			}
		}
		wrong.stream().distinct().forEach(reason -> problems.add(id + ": 表达式 " + expression + " 不允许：" + reason
				+ " / expression " + expression + " is not allowed: " + reason));
	}

	private void root(String name, boolean call, List<String> wrong) {
		if (KEYWORDS.contains(name) || ExpressionBeans.ALLOWED.contains(name) || CONTEXT.contains(name)) {
			return;
		}
		if (call && !FUNCTIONS.contains(name)) {
			wrong.add("未知函数 " + name + " / unknown function '" + name + "'");
		}
		else if (springBean.test(name)) {
			wrong.add("bean " + name + " 不在允许名单 / bean '" + name + "' is not on the allow-list of expression beans");
		}
	}

	private static void member(String root, String name, boolean call, List<String> wrong) {
		if (ExpressionBeans.REFLECTIVE.contains(name)) {
			wrong.add("不得使用 " + name + " / may not use '" + name + "'");
		}
		else if (call && CONTEXT.contains(root) && !CONTEXT_METHODS.contains(name)) {
			wrong.add(root + " 的方法 " + name + " 不允许 / method '" + name + "' of '" + root + "' is not allowed (allowed: "
					+ CONTEXT_METHODS.stream().sorted().toList() + ")");
		}
		else if (call && root != null && !CONTEXT.contains(root) && !ExpressionBeans.ALLOWED.contains(root)) {
			wrong.add("只能调用允许的 bean 的方法，不能调用 " + root + " 的 / methods may only be called on allow-listed beans, not on '"
					+ root + "'");
		}
	}

}
